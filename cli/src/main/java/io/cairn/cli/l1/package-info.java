/**
 * {@code cairn l1 …}: run a local anvil, deploy CairnCore, submit state updates with their DA, send, consume and
 * cancel L1↔L2 messages, follow events and measure gas. Every command talks JSON-RPC to {@code --rpc-url}.
 */
package io.cairn.cli.l1;
