package dev.gallerykit.testkit.faults;

import dev.gallerykit.domain.User;
import dev.gallerykit.domain.UserId;
import dev.gallerykit.spi.UserRepository;
import java.util.Optional;

final class FaultyUserRepository implements UserRepository {

    private final UserRepository delegate;
    private final Faults faults;

    FaultyUserRepository(UserRepository delegate, Faults faults) {
        this.delegate = delegate;
        this.faults = faults;
    }

    @Override
    public User create(User user) {
        return faults.call(Operation.USER_CREATE, () -> delegate.create(user));
    }

    @Override
    public Optional<User> findById(UserId id) {
        return faults.call(Operation.USER_FIND_BY_ID, () -> delegate.findById(id));
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return faults.call(Operation.USER_FIND_BY_EMAIL, () -> delegate.findByEmail(email));
    }

    @Override
    public User update(User user) {
        return faults.call(Operation.USER_UPDATE, () -> delegate.update(user));
    }

    @Override
    public void delete(UserId id) {
        faults.run(Operation.USER_DELETE, () -> delegate.delete(id));
    }
}
