package io.streamgate.ingest.adsb.poll;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * One receiver to poll.
 *
 * @param request       the URL requested, without user info
 * @param authorization the HTTP Basic header value built from the configured user info, if any
 * @param display       scheme, host, port and path only: safe for logs and metric tags, since user info
 *                      and query strings are where credentials hide
 */
record ReceiverUrl(URI request, Optional<String> authorization, String display) {

    /** @throws IllegalArgumentException without echoing the value, which may hold a password */
    static ReceiverUrl parse(String text, int index) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw invalid(index);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw invalid(index);
        }
        try {
            URI request = new URI(scheme, null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null);
            String display = new URI(scheme, null, uri.getHost(), uri.getPort(), uri.getPath(), null, null)
                    .toString();
            Optional<String> authorization = Optional.ofNullable(uri.getRawUserInfo())
                    .map(ReceiverUrl::decode)
                    .map(userInfo -> "Basic " + Base64.getEncoder()
                            .encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
            return new ReceiverUrl(request, authorization, display);
        } catch (URISyntaxException e) {
            throw invalid(index);
        }
    }

    @Override
    public String toString() {
        return display;
    }

    private static String decode(String rawUserInfo) {
        return URLDecoder.decode(rawUserInfo.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException invalid(int index) {
        return new IllegalArgumentException("streamgate.ingest.adsb.poll.urls[" + index
                + "] is not an absolute http(s) URL with a host");
    }
}
