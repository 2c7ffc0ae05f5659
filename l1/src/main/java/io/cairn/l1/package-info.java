/** L1 settlement: the core contract, the fact registry and L1↔L2 messaging on Ethereum. */
package io.cairn.l1;
