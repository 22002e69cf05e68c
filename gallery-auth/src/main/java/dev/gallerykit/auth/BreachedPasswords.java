package dev.gallerykit.auth;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A list of passwords known from breaches, which NIST 800-63B asks new passwords to be checked
 * against. Implement it over a local list or a k-anonymity service (Have I Been Pwned's range API).
 */
@FunctionalInterface
public interface BreachedPasswords {

    /** Whether the password is known to attackers. Must not log or keep it. */
    boolean contains(String password);

    /** Checks nothing. */
    static BreachedPasswords none() {
        return password -> false;
    }

    /** A fixed list, compared after Unicode NFKC normalisation. */
    static BreachedPasswords of(Collection<String> passwords) {
        Set<String> known = passwords.stream()
                .map(p -> Normalizer.normalize(p, Normalizer.Form.NFKC))
                .collect(Collectors.toUnmodifiableSet());
        return password -> known.contains(Normalizer.normalize(password, Normalizer.Form.NFKC));
    }
}
