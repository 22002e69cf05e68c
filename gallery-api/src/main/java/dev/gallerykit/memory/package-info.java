/**
 * Thread-safe in-memory adapters of every port, for tests, demos and the first run of each contract
 * suite. Nothing survives the JVM.
 */
package dev.gallerykit.memory;
