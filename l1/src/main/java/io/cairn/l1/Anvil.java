package io.cairn.l1;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * A local anvil (Foundry's Ethereum dev node) bound to 127.0.0.1, started as a child process and stopped on {@link
 * #close()}. The binary is the one the build installed with npm (recorded in {@code tools.properties}); {@code
 * CAIRN_ANVIL} or the system property {@code cairn.anvil} override it, and {@code anvil} on the PATH is the fallback.
 */
public final class Anvil implements AutoCloseable {
  /** The first of anvil's well-known development accounts (public test key, never for real funds). */
  public static final String DEV_PRIVATE_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
  /** The second development account. */
  public static final String DEV_PRIVATE_KEY_2 = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

  private final Process process;
  private final int port;

  private Anvil(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Where anvil is, if anywhere. */
  public static Optional<Path> locate() {
    for (String candidate : new String[] {System.getProperty("cairn.anvil"), System.getenv("CAIRN_ANVIL"), fromBuild()}) {
      if (candidate != null && !candidate.isBlank() && Files.isExecutable(Path.of(candidate))) return Optional.of(Path.of(candidate));
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        Path p = Path.of(dir, "anvil");
        if (Files.isExecutable(p)) return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static String fromBuild() {
    try (InputStream in = Anvil.class.getResourceAsStream("tools.properties")) {
      if (in == null) return null;
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("anvil.path");
    } catch (IOException e) {
      return null;
    }
  }

  /** Starts anvil on 127.0.0.1:{@code port} (0 picks a free port) and waits until it answers JSON-RPC. */
  public static Anvil start(int port, List<String> extraArgs) {
    Path binary = locate().orElseThrow(() -> new IllegalStateException(
        "anvil not found: build the l1 module (it installs @foundry-rs/anvil with npm) or set CAIRN_ANVIL"));
    int chosen = port == 0 ? freePort() : port;
    List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--host", "127.0.0.1", "--port", Integer.toString(chosen)));
    cmd.addAll(extraArgs);
    Process process;
    try {
      process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + binary, e);
    }
    Anvil anvil = new Anvil(process, chosen);
    anvil.awaitReady(Duration.ofSeconds(30));
    return anvil;
  }

  public static Anvil start() {
    return start(0, List.of());
  }

  public int port() {
    return port;
  }

  public String rpcUrl() {
    return "http://127.0.0.1:" + port;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Blocks until the process exits (for a foreground {@code cairn l1 anvil}). */
  public int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  private void awaitReady(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest probe = HttpRequest.newBuilder(URI.create(rpcUrl()))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
        .build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("anvil exited with code " + process.exitValue() + " before answering on " + rpcUrl());
      }
      try {
        if (http.send(probe, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) return;
      } catch (IOException notYet) {
        // still starting
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new IllegalStateException("interrupted while waiting for anvil", e);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new IllegalStateException("interrupted while waiting for anvil", e);
      }
    }
    close();
    throw new IllegalStateException("anvil did not answer on " + rpcUrl() + " within " + timeout.toSeconds() + " s");
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
