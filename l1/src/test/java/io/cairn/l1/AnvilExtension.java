package io.cairn.l1;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** One anvil per test class on a free 127.0.0.1 port; the class is skipped, saying why, if anvil is missing. */
final class AnvilExtension implements BeforeAllCallback, AfterAllCallback {
  private Anvil anvil;

  @Override
  public void beforeAll(ExtensionContext context) {
    Assumptions.assumeTrue(Anvil.locate().isPresent(),
        "anvil binary missing: build the l1 module (npm installs @foundry-rs/anvil) or set CAIRN_ANVIL");
    anvil = Anvil.start(0, List.of());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (anvil != null) anvil.close();
  }

  String rpcUrl() {
    return anvil.rpcUrl();
  }
}
