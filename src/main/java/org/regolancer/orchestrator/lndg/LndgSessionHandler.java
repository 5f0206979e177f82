package org.regolancer.orchestrator.lndg;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;

/**
 * Every LNDg request of an HTTP client goes through this first link of its chain: it carries the {@link LndgSession}'s
 * credentials (the session cookie, or Basic auth where a login cannot work), and a request LNDg answers 401 or 403
 * with a session is repeated once after a new login. The login's requests go down the same chain, on the same
 * connection pool: no other client is made for them. The client must not manage cookies itself.
 */
public final class LndgSessionHandler implements ExecChainHandler {

    /** The chain's name for this link. */
    public static final String NAME = "lndg-session";
    /** A login page is small; more is not LNDg's. */
    static final int MAX_LOGIN_PAGE = 256 * 1024;

    private final LndgSession session;

    public LndgSessionHandler(LndgSession session) {
        this.session = session;
    }

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        LndgSession.Transport login = new ChainTransport(scope, chain);
        LndgSession.Credentials used = session.credentials(login);
        ClassicHttpResponse response = chain.proceed(carrying(request, used), scope);
        session.answered(used, response.getCode());
        if (!LndgSession.refusedSession(used, response.getCode())) {
            return response;
        }
        // the refusal is read to its end first: its connection carries the login
        EntityUtils.consume(response.getEntity());
        response.close();
        LndgSession.Credentials again = session.credentials(login);
        ClassicHttpResponse repeated = chain.proceed(carrying(request, again), scope);
        session.answered(again, repeated.getCode());
        return repeated;
    }

    private static ClassicHttpRequest carrying(ClassicHttpRequest request, LndgSession.Credentials credentials) {
        request.removeHeaders("Authorization");
        request.removeHeaders("Cookie");
        request.setHeader(credentials.header(), credentials.value());
        return request;
    }

    /** The login's GET and POST, sent down the rest of the chain of the request that needs them. */
    private record ChainTransport(ExecChain.Scope scope, ExecChain chain) implements LndgSession.Transport {

        @Override
        public LndgSession.Answer get(URI uri, Map<String, String> headers) throws IOException {
            return send(new BasicClassicHttpRequest("GET", uri), headers);
        }

        @Override
        public LndgSession.Answer postForm(URI uri, Map<String, String> headers, String form) throws IOException {
            BasicClassicHttpRequest post = new BasicClassicHttpRequest("POST", uri);
            post.setEntity(new StringEntity(form, ContentType.APPLICATION_FORM_URLENCODED));
            return send(post, headers);
        }

        private LndgSession.Answer send(BasicClassicHttpRequest request, Map<String, String> headers) throws IOException {
            headers.forEach(request::setHeader);
            try (ClassicHttpResponse response = chain.proceed(request, new ExecChain.Scope(scope.exchangeId, scope.route,
                    request, scope.execRuntime, scope.clientContext))) {
                String body = response.getEntity() == null ? ""
                        : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8, MAX_LOGIN_PAGE);
                Header location = response.getFirstHeader("Location");
                return new LndgSession.Answer(response.getCode(),
                        Arrays.stream(response.getHeaders("Set-Cookie")).map(Header::getValue).toList(), body,
                        location == null ? null : location.getValue());
            } catch (HttpException e) {
                throw new ClientProtocolException(e.getMessage(), e);
            }
        }
    }
}
