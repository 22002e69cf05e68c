package dev.gallerykit.memory;

import dev.gallerykit.spi.UserRepository;
import dev.gallerykit.testkit.contract.UserRepositoryContract;

/** One store for all tests, as a real database would be: the contract must not need an empty one. */
class InMemoryUserRepositoryTest extends UserRepositoryContract {

    private static final UserRepository REPOSITORY = new InMemoryUserRepository();

    @Override
    protected UserRepository users() {
        return REPOSITORY;
    }
}
