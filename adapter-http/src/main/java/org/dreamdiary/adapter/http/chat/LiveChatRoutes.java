package org.dreamdiary.adapter.http.chat;

import io.javalin.http.Context;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dreamdiary.adapter.http.auth.Authentication;
import org.dreamdiary.adapter.http.chat.ChatResources.EventResource;
import org.dreamdiary.adapter.http.json.Json;
import org.dreamdiary.adapter.http.network.CorsOrigins;
import org.dreamdiary.adapter.http.observability.LogSafe;
import org.dreamdiary.adapter.http.observability.RequestIds;
import org.dreamdiary.adapter.http.problem.ErrorResponder;
import org.dreamdiary.adapter.http.problem.HttpProblem;
import org.dreamdiary.adapter.http.problem.ProblemType;
import org.dreamdiary.adapter.http.routing.PathIds;
import org.dreamdiary.adapter.http.routing.QueryParams;
import org.dreamdiary.adapter.http.routing.RouteGroup;
import org.dreamdiary.adapter.http.routing.Router;
import org.dreamdiary.application.chat.ChatEvent;
import org.dreamdiary.application.port.in.chat.WatchChat;
import org.dreamdiary.application.port.in.user.Principal;
import org.dreamdiary.application.port.in.user.WatchSession;
import org.dreamdiary.domain.chat.ChatId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * {@code GET /api/v1/chats/{id}/live}: a WebSocket of the chat's events. The token and the membership are checked
 * before the upgrade, so a refused client gets a plain HTTP problem and never a socket. A socket lives as long as its
 * token: it closes when the token expires or its session ends, on whichever node that happens.
 */
public final class LiveChatRoutes implements RouteGroup, AutoCloseable {
    static final String PATH = "/api/v1/chats/{id}/live";
    /** Events a socket may have waiting before its client counts as too slow. */
    static final int SEND_QUEUE = 256;
    /** How long an admitted upgrade may take to open its socket before its subscription is dropped. */
    private static final Duration OPEN_WITHIN = Duration.ofSeconds(30);
    private static final String LIVE = "dreamdiary.live.socket";
    private static final String BEARER_PROTOCOL = "bearer";
    private static final String STOPPING = "the server is stopping";

    private static final Logger LOG = LoggerFactory.getLogger(LiveChatRoutes.class);

    private final WatchChat watchChat;
    private final WatchSession watchSession;
    private final Authentication authentication;
    private final CorsOrigins origins;
    private final Duration pingEvery;
    private final Map<String, Live> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService expiries = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "live-socket-expiry");
        thread.setDaemon(true);
        return thread;
    });

    /** {@code origins}: the web origins whose pages may open a socket, when a list is set. */
    public LiveChatRoutes(WatchChat watchChat, WatchSession watchSession, Authentication authentication,
                          CorsOrigins origins, Duration pingEvery) {
        this.watchChat = watchChat;
        this.watchSession = watchSession;
        this.authentication = authentication;
        this.origins = origins;
        this.pingEvery = pingEvery;
    }

    @Override
    public void register(Router router) {
        router.webSocket(PATH, this::admitUpgrade, this::notAnUpgrade, this::configure);
    }

    /** Closes every socket with "going away": the server is stopping. */
    @Override
    public void close() {
        expiries.shutdownNow();
        open.values().forEach(live -> live.outbox.closeAfterPending(LiveCloseCodes.GOING_AWAY, STOPPING));
    }

    private void admitUpgrade(Context ctx) throws IOException {
        RequestIds.assign(ctx);
        try {
            QueryParams.requireWellFormed(ctx);
            ctx.attribute(LIVE, subscribe(ctx));
        } catch (RuntimeException refused) {
            LOG.info("live socket refused on {}: {}", LogSafe.text(ctx.path()), LogSafe.text(refused.getMessage()));
            ErrorResponder.respondNow(refused, ctx);
            throw refused;
        } finally {
            // no access-log line ends an upgrade request, so its logging context is cleared here
            MDC.clear();
        }
    }

    /**
     * Before the upgrade: a valid token of a member, or an HTTP problem. The subscription starts here, not when the
     * socket opens: a client may act as soon as it reads the 101, before this node has seen the socket open, and the
     * events of what it does must not be lost in between. They wait in the outbox.
     */
    private Live subscribe(Context ctx) {
        if (!origins.allowsSocketFrom(ctx.header("Origin"))) {
            throw new HttpProblem(ProblemType.FORBIDDEN, "pages of this origin may not open a live socket; see CORS_ORIGINS");
        }
        Principal caller = authentication.requireToken(ctx, offeredToken(ctx));
        ChatId chat = PathIds.chat(ctx);
        Live live = new Live(new SocketOutbox(SEND_QUEUE), chat, caller);
        live.subscription = watchChat.watch(caller.user(), chat, event -> push(live.outbox, event));
        try {
            live.session = watchSession.watch(caller, () -> live.outbox.closeAfterPending(LiveCloseCodes.TOKEN_ENDED,
                    "the session ended"));
        } catch (RuntimeException ended) {
            live.subscription.cancel();
            throw ended;
        }
        try {
            live.expiry = expiries.schedule(live::abandon, OPEN_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            live.unsubscribe();
            throw new HttpProblem(ProblemType.SERVICE_UNAVAILABLE, "the server is stopping; connect again");
        }
        return live;
    }

    /** The same checks for a plain GET, which then learns that this route speaks WebSocket only. */
    private void notAnUpgrade(Context ctx) {
        Principal caller = authentication.requireToken(ctx, offeredToken(ctx));
        watchChat.requireMember(caller.user(), PathIds.chat(ctx));
        throw new HttpProblem(ProblemType.BAD_REQUEST,
                "this route is a WebSocket: send the request as an upgrade (Connection: Upgrade, Upgrade: websocket)");
    }

    private void configure(WsConfig ws) {
        ws.onConnect(ctx -> {
            Live live = ctx.attribute(LIVE);
            if (!live.open()) {
                ctx.closeSession(LiveCloseCodes.GOING_AWAY, "the socket opened too late");
                return;
            }
            open.put(ctx.sessionId(), live);
            live.outbox.attach(ctx.session);
            LOG.info("live socket opened on chat {} by user {}", live.chat, live.caller.user());
            ctx.enableAutomaticPings(pingEvery.toMillis(), TimeUnit.MILLISECONDS);
            long untilExpiry = watchSession.tokenLeft(live.caller).toMillis();
            try {
                live.expiry = expiries.schedule(() -> live.outbox.closeAfterPending(LiveCloseCodes.TOKEN_ENDED,
                        "the access token expired"), untilExpiry, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopped) {
                // opened while the server stops, after close() went round the open sockets
                live.outbox.closeAfterPending(LiveCloseCodes.GOING_AWAY, STOPPING);
            }
        });
        // the socket carries events one way; what a client sends is not read
        ws.onMessage(ctx -> { });
        ws.onClose(ctx -> {
            Live live = end(ctx);
            if (live != null) {
                LOG.info("live socket closed on chat {} by user {}: {} {}", live.chat, live.caller.user(), ctx.status(),
                        LogSafe.text(ctx.reason()));
            }
        });
        ws.onError(ctx -> end(ctx));
    }

    private static void push(SocketOutbox outbox, ChatEvent event) {
        switch (event.kind()) {
            case MEMBER_REMOVED -> outbox.closeAfterPending(LiveCloseCodes.REMOVED, "removed from the chat");
            case CHAT_DELETED -> {
                outbox.send(json(event));
                outbox.closeAfterPending(LiveCloseCodes.CHAT_DELETED, "the chat was deleted");
            }
            default -> outbox.send(json(event));
        }
    }

    private static String json(ChatEvent event) {
        return new String(Json.write(EventResource.of(event)), StandardCharsets.UTF_8);
    }

    private Live end(WsContext ctx) {
        Live live = open.remove(ctx.sessionId());
        if (live != null) {
            live.end();
        }
        return live;
    }

    /**
     * The token of a socket request: browsers cannot set headers on a WebSocket, so it may come as the
     * subprotocols {@code bearer, <token>} or as {@code ?access_token=}; other clients may send the usual header.
     */
    private static String offeredToken(Context ctx) {
        String protocols = ctx.header("Sec-WebSocket-Protocol");
        if (protocols != null) {
            String[] offered = protocols.split(",");
            if (offered.length == 2 && offered[0].trim().equalsIgnoreCase(BEARER_PROTOCOL)) {
                return offered[1].trim();
            }
        }
        String query = ctx.queryParam("access_token");
        return query != null ? query : Authentication.bearerToken(ctx);
    }

    private static final class Live {
        final SocketOutbox outbox;
        final ChatId chat;
        final Principal caller;
        /** Who settles first: the socket opening, or the deadline that abandons an upgrade which never completed. */
        private final AtomicBoolean settled = new AtomicBoolean();
        volatile WatchChat.Subscription subscription;
        volatile WatchSession.Subscription session;
        volatile ScheduledFuture<?> expiry;

        Live(SocketOutbox outbox, ChatId chat, Principal caller) {
            this.outbox = outbox;
            this.chat = chat;
            this.caller = caller;
        }

        /** The socket opened; false when it came too late and the subscription is already gone. */
        boolean open() {
            if (!settled.compareAndSet(false, true)) {
                return false;
            }
            expiry.cancel(false);
            return true;
        }

        void abandon() {
            if (settled.compareAndSet(false, true)) {
                unsubscribe();
            }
        }

        void end() {
            unsubscribe();
            expiry.cancel(false);
        }

        void unsubscribe() {
            subscription.cancel();
            session.cancel();
        }
    }
}
