package org.dreamdiary.client.model;

/** A new account and its first session, which the client is then signed in with. */
public record Registration(User user, Tokens tokens) {
}
