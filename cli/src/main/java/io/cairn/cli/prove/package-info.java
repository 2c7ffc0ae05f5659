/** Proving and verifying Cairo executions in Stone's proof format: {@code cairn verify} (and later {@code cairn prove}). */
package io.cairn.cli.prove;
