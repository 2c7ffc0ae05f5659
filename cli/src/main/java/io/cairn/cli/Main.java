package io.cairn.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of the {@code cairn} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs one command line; returns the exit code (0 success, 1 a negative answer or failed run, 2 bad input). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new CairnCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(ExitCodes::handleExecutionException);
    cli.setParameterExceptionHandler(ExitCodes::handleParameterException);
    return cli.execute(args);
  }
}
