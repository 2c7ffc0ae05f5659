/** JMH benchmarks. Not run by the tests; see the README for how to run them and the figures they gave. */
package io.cairn.bench;
