package org.dreamdiary.client.model;

/** The process answers: {@code status} is {@code "ok"}. */
public record Health(String status) {
}
