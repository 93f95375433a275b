package org.dreamdiary.application.port.out.user;

/** One-way password hashing; slow on purpose. */
public interface PasswordHasher {
    String hash(String password);

    boolean matches(String password, String hash);
}
