/** {@code cairn call}: run one Cairo 1 contract entry point on the VM with the in-memory syscall world. */
package io.cairn.cli.call;
