package org.dreamdiary.archfixture.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;

/** A client class as the rule allows: the JDK's HTTP client and Jackson. */
public final class ReadsWithJackson {
    HttpClient http;
    ObjectMapper json;
}
