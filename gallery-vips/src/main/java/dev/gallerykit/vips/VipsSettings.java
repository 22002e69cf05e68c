package dev.gallerykit.vips;

/**
 * The process-wide settings of libvips, applied by {@link VipsImageEngine#create(VipsSettings)}. libvips
 * has one set for the whole process, so the engine created last decides them.
 *
 * @param threads           worker threads of each libvips pipeline ({@code vips_concurrency_set}); 0 for
 *                          libvips's default (the number of CPUs, or the {@code VIPS_CONCURRENCY} variable)
 * @param cacheOperations   most operations the libvips operation cache keeps; 0 turns the cache off
 * @param cacheMemoryBytes  most memory the cache keeps, in bytes
 * @param cacheFiles        most files the cache keeps open
 */
public record VipsSettings(int threads, int cacheOperations, long cacheMemoryBytes, int cacheFiles) {

    public VipsSettings {
        if (threads < 0 || threads > 1024) {
            throw new IllegalArgumentException("threads must be within [0, 1024] (0: the libvips default), was "
                    + threads);
        }
        if (cacheOperations < 0 || cacheMemoryBytes < 0 || cacheFiles < 0) {
            throw new IllegalArgumentException("the cache limits must not be negative, were " + cacheOperations
                    + " operations, " + cacheMemoryBytes + " bytes and " + cacheFiles + " files");
        }
    }

    /**
     * libvips's default threads and its operation cache off: each upload is rendered once, so caching
     * operations would only hold memory and open files.
     */
    public static VipsSettings defaults() {
        return new VipsSettings(0, 0, 0, 0);
    }

    public VipsSettings withThreads(int value) {
        return new VipsSettings(value, cacheOperations, cacheMemoryBytes, cacheFiles);
    }

    /** A bounded cache instead of none. */
    public VipsSettings withCache(int operations, long memoryBytes, int files) {
        return new VipsSettings(threads, operations, memoryBytes, files);
    }
}
