/**
 * Fault injection at the ports: {@link dev.gallerykit.testkit.faults.Faults} wraps real adapters in
 * decorators that fail a chosen call before it reaches the adapter or after it took effect, so that a
 * test can prove the gallery's compensation step by step.
 */
package dev.gallerykit.testkit.faults;
