/** Cairo CPU layouts as data (Stone constraint sets) and the values they take from the public input. */
package io.cairn.prover.air;
