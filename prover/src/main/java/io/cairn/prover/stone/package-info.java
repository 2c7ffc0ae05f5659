/** Stone proof files: parameters, public input and transcript bytes. */
package io.cairn.prover.stone;
