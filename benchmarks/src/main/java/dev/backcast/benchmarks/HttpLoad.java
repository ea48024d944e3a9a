package dev.backcast.benchmarks;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

import java.net.URI;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A closed-loop HTTP/1.1 load: each client holds a keep-alive connection and sends its next request as soon as the
 * previous response has fully arrived. All clients share one event-loop thread, so the generator needs one core
 * however many clients it simulates, where a blocking client needs a thread and a context switch per request.
 */
final class HttpLoad {

    /** The status recorded for a request whose connection closed or failed before its response arrived. */
    static final int NO_ANSWER = 0;
    private static final int LARGEST_RESPONSE = 16 * 1024 * 1024;
    private static final int DESCRIBED_BODY = 300;

    /** One request; {@code body} is JSON, or null for none. */
    record Request(HttpMethod method, String path, String body) {

        static Request get(String path) {
            return new Request(HttpMethod.GET, path, null);
        }

        static Request post(String path, String body) {
            return new Request(HttpMethod.POST, path, body);
        }
    }

    /** The request of one client's call; {@code call} counts from 0 for each client. */
    @FunctionalInterface
    interface Requests {
        Request of(int client, int call);
    }

    /**
     * What one load measured: the answers per status (with the first answer of each status that is not a success),
     * and the rate and latency of the successful ones.
     */
    record Result(int clients, double seconds, Map<Integer, Long> statuses, Map<Integer, String> firstAnswers,
                  double p50Millis, double p99Millis) {

        long answered(int status) {
            return statuses.getOrDefault(status, 0L);
        }

        long succeeded() {
            return statuses.entrySet().stream().filter(answer -> isSuccess(answer.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
        }

        double perSecond() {
            return succeeded() / seconds;
        }

        /** The answers that are neither a success nor {@code tolerated}, each status with its first answer; empty if none. */
        String unexpected(Set<Integer> tolerated) {
            StringJoiner unexpected = new StringJoiner("; ");
            statuses.forEach((status, count) -> {
                if (!isSuccess(status) && !tolerated.contains(status)) {
                    unexpected.add(count + " × " + (status == NO_ANSWER ? "no answer" : status) + ", first: "
                            + firstAnswers.get(status));
                }
            });
            return unexpected.toString();
        }
    }

    private final URI base;
    private final String authorization;

    HttpLoad(URI base, String token) {
        this.base = base;
        this.authorization = "Bearer " + token;
    }

    Result run(int clients, double seconds, Requests requests) throws InterruptedException {
        EventLoopGroup loop = new NioEventLoopGroup(1);
        try {
            Run run = new Run(loop, clients, requests);
            return run.measure(seconds);
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    private static boolean isSuccess(int status) {
        return status / 100 == 2;
    }

    /** One load; its fields are touched only by the event-loop thread until every client has finished. */
    private final class Run {

        private final Bootstrap bootstrap;
        private final Requests requests;
        private final List<Client> clients = new ArrayList<>();
        private final Map<Integer, Long> statuses = new TreeMap<>();
        private final Map<Integer, String> firstAnswers = new TreeMap<>();
        private final CountDownLatch finished;
        private long deadline;

        Run(EventLoopGroup loop, int clientCount, Requests requests) {
            this.requests = requests;
            this.finished = new CountDownLatch(clientCount);
            this.bootstrap = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000)
                    .remoteAddress(base.getHost(), base.getPort());
            for (int id = 0; id < clientCount; id++) {
                clients.add(new Client(id));
            }
        }

        Result measure(double seconds) throws InterruptedException {
            // Connected before the clock starts, so the figure is requests and not handshakes.
            for (Client client : clients) {
                client.channel = connect(client).sync().channel();
            }
            long start = System.nanoTime();
            deadline = start + (long) (seconds * 1e9);
            clients.forEach(client -> client.channel.eventLoop().execute(client::next));
            long patience = (long) (seconds * 1e9) + TimeUnit.MINUTES.toNanos(2);
            if (!finished.await(patience, TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException(finished.getCount() + " of " + clients.size()
                        + " clients still waited for a response two minutes after the end of the load");
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            List<Long> latencies = new ArrayList<>();
            clients.forEach(client -> latencies.addAll(client.latencies));
            Collections.sort(latencies);
            return new Result(clients.size(), elapsed, statuses, firstAnswers, Load.percentile(latencies, 0.50),
                    Load.percentile(latencies, 0.99));
        }

        private ChannelFuture connect(Client client) {
            return bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel channel) {
                    channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(LARGEST_RESPONSE),
                            new Responses(client));
                }
            }).connect();
        }

        private void record(int status, Supplier<String> firstAnswer) {
            statuses.merge(status, 1L, Long::sum);
            if (!isSuccess(status) && !firstAnswers.containsKey(status)) {
                firstAnswers.put(status, firstAnswer.get());
            }
        }

        /** One simulated client: one request in flight at a time, on a connection it opens again when it is closed. */
        private final class Client {

            private final int id;
            private final List<Long> latencies = new ArrayList<>();
            private Channel channel;
            private Request request;
            private int call;
            private long sentAt;
            private boolean awaiting;

            Client(int id) {
                this.id = id;
            }

            void next() {
                if (System.nanoTime() >= deadline) {
                    if (channel != null) {
                        channel.close();
                    }
                    finished.countDown();
                    return;
                }
                request = requests.of(id, call++);
                awaiting = true;
                sentAt = System.nanoTime();
                if (channel != null && channel.isActive()) {
                    channel.writeAndFlush(encode(request));
                    return;
                }
                connect(this).addListener((ChannelFuture connected) -> {
                    if (connected.isSuccess()) {
                        channel = connected.channel();
                        channel.writeAndFlush(encode(request));
                    } else {
                        awaiting = false;
                        record(NO_ANSWER, () -> describe() + ": " + connected.cause());
                        finished.countDown();
                    }
                });
            }

            void answered(FullHttpResponse response) {
                if (response.decoderResult().isFailure()) {
                    lost(response.decoderResult().cause());
                    return;
                }
                awaiting = false;
                int status = response.status().code();
                if (isSuccess(status)) {
                    latencies.add(System.nanoTime() - sentAt);
                }
                record(status, () -> describe() + " answered " + status + ": " + body(response));
                if (!HttpUtil.isKeepAlive(response)) {
                    Channel closing = channel;
                    channel = null;
                    closing.close();
                }
                next();
            }

            void lost(Throwable cause) {
                awaiting = false;
                record(NO_ANSWER, () -> describe() + ": " + cause);
                Channel failed = channel;
                channel = null;
                failed.close();
                next();
            }

            private String describe() {
                return request.method() + " " + request.path();
            }
        }

        /** Hands a connection's responses and failures to its client, unless the client has moved to a new connection. */
        private final class Responses extends SimpleChannelInboundHandler<FullHttpResponse> {

            private final Client client;

            Responses(Client client) {
                this.client = client;
            }

            @Override
            protected void channelRead0(ChannelHandlerContext context, FullHttpResponse response) {
                client.answered(response);
            }

            @Override
            public void channelInactive(ChannelHandlerContext context) {
                if (client.channel == context.channel() && client.awaiting) {
                    client.lost(new ClosedChannelException());
                }
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
                if (client.channel == context.channel() && client.awaiting) {
                    client.lost(cause);
                } else {
                    context.close();
                }
            }
        }
    }

    private FullHttpRequest encode(Request request) {
        ByteBuf content = request.body() == null ? Unpooled.EMPTY_BUFFER
                : Unpooled.copiedBuffer(request.body(), StandardCharsets.UTF_8);
        FullHttpRequest encoded = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, request.method(), request.path(),
                content);
        encoded.headers().set(HttpHeaderNames.HOST, base.getHost() + ":" + base.getPort())
                .set(HttpHeaderNames.AUTHORIZATION, authorization);
        if (request.body() != null) {
            encoded.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        }
        if (!request.method().equals(HttpMethod.GET)) {
            HttpUtil.setContentLength(encoded, content.readableBytes());
        }
        return encoded;
    }

    private static String body(FullHttpResponse response) {
        String body = response.content().toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        return body.length() > DESCRIBED_BODY ? body.substring(0, DESCRIBED_BODY) + "…" : body;
    }
}
