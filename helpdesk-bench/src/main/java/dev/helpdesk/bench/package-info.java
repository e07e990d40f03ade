/**
 * JMH benchmarks. Each compares the library with a named baseline in the same run; run them with
 * {@code java -jar helpdesk-bench/target/benchmarks.jar}.
 */
package dev.helpdesk.bench;
