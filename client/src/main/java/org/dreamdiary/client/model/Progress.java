package org.dreamdiary.client.model;

/** How far a goal is: its tasks done out of all, and {@code 100 * done / total} rounded half up (0 without tasks). */
public record Progress(int done, int total, int percent) {
}
