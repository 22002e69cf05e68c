package dev.gallerykit.memory;

import dev.gallerykit.spi.SessionRepository;
import dev.gallerykit.testkit.contract.SessionRepositoryContract;

/** One store for all tests, as a real database would be: the contract must not need an empty one. */
class InMemorySessionRepositoryTest extends SessionRepositoryContract {

    private static final SessionRepository REPOSITORY = new InMemorySessionRepository();

    @Override
    protected SessionRepository sessions() {
        return REPOSITORY;
    }
}
