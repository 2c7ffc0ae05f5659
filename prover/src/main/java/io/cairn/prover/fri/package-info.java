/** FRI on the prover side: folding layers as Stone does. */
package io.cairn.prover.fri;
