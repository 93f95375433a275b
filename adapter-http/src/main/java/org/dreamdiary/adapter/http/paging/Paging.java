package org.dreamdiary.adapter.http.paging;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.dreamdiary.adapter.http.routing.QueryParams;
import org.dreamdiary.adapter.http.routing.Respond;
import org.dreamdiary.application.page.Page;
import org.dreamdiary.application.page.PageRequest;

/** The paging convention of every collection route: {@code page}/{@code per_page} in, envelope and {@code Link} header out. */
public final class Paging {
    private Paging() {
    }

    /** Reads {@code page} (≥ 1, default 1) and {@code per_page} (1–100, default 20); call {@link QueryParams#validate()} after. */
    public static PageRequest request(QueryParams query) {
        int page = query.integer("page", 1, 1, Integer.MAX_VALUE);
        int perPage = query.integer("per_page", PageRequest.DEFAULT_PER_PAGE, 1, PageRequest.MAX_PER_PAGE);
        return new PageRequest(page, perPage);
    }

    /** Writes {@code page} as the envelope, with the same links in the {@code Link} header. */
    public static <T, R> void respond(Context ctx, Page<T> page, Function<? super T, ? extends R> toResource) {
        PageRequest request = page.request();
        String self = link(ctx, request.page(), request.perPage());
        String next = page.hasNext() ? link(ctx, request.page() + 1, request.perPage()) : null;
        String prev = page.hasPrevious() ? link(ctx, (int) Math.min(request.page() - 1, Math.max(page.totalPages(), 1)),
                request.perPage()) : null;
        long lastPage = Math.max(page.totalPages(), 1);

        List<String> header = new ArrayList<>();
        if (next != null) {
            header.add("<" + next + ">; rel=\"next\"");
        }
        if (prev != null) {
            header.add("<" + prev + ">; rel=\"prev\"");
        }
        header.add("<" + link(ctx, 1, request.perPage()) + ">; rel=\"first\"");
        header.add("<" + link(ctx, (int) lastPage, request.perPage()) + ">; rel=\"last\"");
        ctx.header("Link", String.join(", ", header));

        PageEnvelope<R> body = new PageEnvelope<>(
                page.items().stream().<R>map(toResource).toList(),
                new PageEnvelope.Meta(request.page(), request.perPage(), page.totalPages(), page.totalItems()),
                new PageEnvelope.Links(self, next, prev));
        Respond.json(ctx, 200, body);
    }

    /** The request's own path and query, with {@code page} and {@code per_page} set to these values. */
    static String link(Context ctx, int page, int perPage) {
        StringBuilder url = new StringBuilder(ctx.path()).append('?');
        for (Map.Entry<String, List<String>> param : ctx.queryParamMap().entrySet()) {
            if (param.getKey().equals("page") || param.getKey().equals("per_page")) {
                continue;
            }
            for (String value : param.getValue()) {
                url.append(encode(param.getKey())).append('=').append(encode(value)).append('&');
            }
        }
        return url.append("page=").append(page).append("&per_page=").append(perPage).toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
