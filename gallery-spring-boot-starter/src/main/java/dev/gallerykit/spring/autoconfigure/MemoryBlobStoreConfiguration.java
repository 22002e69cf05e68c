package dev.gallerykit.spring.autoconfigure;

import dev.gallerykit.memory.InMemoryBlobStore;
import dev.gallerykit.spi.BlobStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code gallerykit.blobs=memory}, the default: image bytes in this JVM's memory. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "gallerykit.blobs", havingValue = "memory", matchIfMissing = true)
class MemoryBlobStoreConfiguration {

    @Bean
    @ConditionalOnMissingBean
    BlobStore gallerykitBlobStore() {
        return new InMemoryBlobStore();
    }
}
