package io.cairn.cli;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * The exit-code contract of every {@code cairn} command, and the one place exceptions become it.
 *
 * <p>Modules signal bad input by throwing {@link IllegalArgumentException} (or a subclass) with a message that says
 * what was wrong and where; that becomes one line on stderr and exit 2. A command that reaches a negative answer
 * returns {@link #NEGATIVE} itself.
 */
public final class ExitCodes {
  private ExitCodes() {}

  public static final int OK = 0;
  /** A negative answer (an invalid signature, a rejected proof) or a run that failed. */
  public static final int NEGATIVE = 1;
  /** Bad input: a malformed argument or file. */
  public static final int BAD_INPUT = 2;

  static int handleParameterException(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    cmd.getErr().println("cairn: " + e.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
    return BAD_INPUT;
  }

  static int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    Throwable cause = e;
    if (isBadInput(cause)) {
      cmd.getErr().println("cairn: " + describe(cause));
      return BAD_INPUT;
    }
    cmd.getErr().println("cairn: " + cmd.getCommandSpec().qualifiedName() + " failed: " + describe(cause));
    if (System.getenv("CAIRN_DEBUG") != null) e.printStackTrace(cmd.getErr());
    return NEGATIVE;
  }

  private static boolean isBadInput(Throwable t) {
    return t instanceof IllegalArgumentException
        || t instanceof NoSuchFileException
        || t instanceof FileNotFoundException
        || (t instanceof UncheckedIOException u && isBadInput(u.getCause()));
  }

  private static String describe(Throwable t) {
    if (t instanceof NoSuchFileException n) return "no such file: " + n.getFile();
    if (t instanceof UncheckedIOException u) return describe(u.getCause());
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
  }
}
