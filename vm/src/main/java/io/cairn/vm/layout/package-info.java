/** Layouts exactly as cairo-lang's {@code instances.py} (CAIRO.md §7.2), and the dynamic layout's params file. */
package io.cairn.vm.layout;
