/** The Cairo virtual machine: memory, instruction decoding and execution, builtins, hints, runner. */
package io.cairn.vm;
