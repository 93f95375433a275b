package org.dreamdiary.archfixture.adapter.http;

import org.dreamdiary.archfixture.application.service.RecordDreamService;

/** Exists to be caught: a route holding the use case's implementation instead of its inbound port. */
public final class CallsService {
    RecordDreamService service;
}
