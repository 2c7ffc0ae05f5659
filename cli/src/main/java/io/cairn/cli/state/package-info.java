/** {@code cairn state-root} (roots of state diffs applied to an empty state) and {@code cairn state} (a store's contents). */
package io.cairn.cli.state;
