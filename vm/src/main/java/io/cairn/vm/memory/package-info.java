/**
 * Write-once segmented Cairo memory on flat {@code long[]} arrays (four longs per cell, flags in the top bits), the
 * value types hints see ({@code MaybeRelocatable}), canonical-limb field helpers, and temporary-segment relocation.
 */
package io.cairn.vm.memory;
