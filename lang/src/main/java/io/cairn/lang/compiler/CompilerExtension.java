package io.cairn.lang.compiler;

import io.cairn.lang.ast.Code;
import java.util.List;
import java.util.Set;

/**
 * Hooks that let a dialect (Starknet contracts) rewrite the syntax tree between the compiler's
 * stages, the way cairo-lang's pass manager inserts stages: declarations are expanded before
 * identifiers are collected, implementations after (when types have sizes), and a last hook runs
 * after preprocessing, before unreachable functions are pruned from the identifiers.
 */
public interface CompilerExtension {
  /** Modules loaded after the registers module and before the main file, in this order. */
  List<String> additionalModules();

  /** The {@code %lang} names accepted; anything else is an error. */
  boolean acceptsLang(String lang);

  /** Function decorators the preprocessor accepts besides {@code known_ap_change}. */
  Set<String> supportedDecorators();

  /** Absolute scopes whose functions are compiled even when {@code __main__} does not reach them. */
  Set<String> additionalScopesToCompile();

  /** Rewrites one module before identifier collection (signatures only). */
  Code.Module expandDeclarations(Code.Module module);

  /** Rewrites the modules after identifier and struct collection; may define identifiers. */
  void expandImplementations(ExtensionContext context);

  /** Called after every module was preprocessed, before unreachable functions are dropped. */
  void afterPreprocessing(ExtensionContext context);
}
