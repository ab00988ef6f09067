package io.dateline.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit with a 413 problem before any parser or handler sees them:
 * by the declared Content-Length, or, for chunked bodies without one, by reading at most one byte
 * past the limit. It runs inside the security chain after authorization, so that a request to a
 * path that needs a token is answered 401 or 403 without its body being read; callers without a
 * token get the small {@code dateline.http.max-anonymous-request-size}.
 *
 * <p>A chunked multipart body is left to the container's multipart parser, which reads the request
 * itself (a buffered copy would not reach it: the parts would be missing) and refuses more than
 * {@code spring.servlet.multipart.max-request-size}, set to the same {@code max-upload-size}, with
 * the same 413 while it streams.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final HttpProperties properties;

    private final ProblemResponseWriter problems;

    public RequestSizeLimitFilter(HttpProperties properties, ProblemResponseWriter problems) {
        this.properties = properties;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // behind Spring Security's request wrapper, an anonymous caller has no user principal
        long limit = request.getUserPrincipal() == null
                ? properties.maxAnonymousRequestSize().toBytes()
                : isMultipart(request)
                        ? properties.maxUploadSize().toBytes()
                        : properties.maxRequestSize().toBytes();
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            reject(request, response, limit);
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null && !isMultipart(request)) {
            byte[] body = request.getInputStream().readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE));
            if (body.length > limit) {
                reject(request, response, limit);
                return;
            }
            chain.doFilter(new BufferedBodyRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, "multipart/form-data", 0, "multipart/form-data".length());
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        // the client may still be sending: ask the container to drop the connection afterwards
        response.setHeader("Connection", "close");
        problems.write(
                request,
                response,
                HttpStatus.CONTENT_TOO_LARGE,
                "payload-too-large",
                "Request too large",
                "The request body is larger than the " + limit + " bytes this service accepts.");
    }

    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return false;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body is already buffered");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
