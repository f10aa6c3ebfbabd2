package io.meshwork.bench.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * HTTP/1.1 over kept-alive sockets, with nothing between the caller and the socket: the request's
 * head and body leave in one write, and the caller's thread reads the answer (Content-Length or
 * chunked). What a single timed call then measures is the service, as with wrk or curl, and not a
 * client library's own machinery (Apache HttpClient added 1-1.5 ms to every call after an idle
 * pause on the 2-core machine these harnesses run on).
 */
final class BareHttp {

  private static final Map<String, Queue<Connection>> IDLE = new ConcurrentHashMap<>();

  private BareHttp() {}

  /** A status and a body. */
  record Answer(int status, String body) {}

  static Answer exchange(String method, URI uri, Map<String, String> headers, byte[] body)
      throws IOException {
    String authority = uri.getHost() + ":" + uri.getPort();
    byte[] request = request(method, uri, authority, headers, body);
    Queue<Connection> idle = IDLE.computeIfAbsent(authority, a -> new ConcurrentLinkedQueue<>());
    Connection reused = idle.poll();
    if (reused != null) {
      try {
        return reused.exchange(request, idle);
      } catch (SocketTimeoutException answerLate) {
        reused.close();
        throw answerLate;
      } catch (IOException closedWhileIdle) {
        reused.close();
      }
    }
    return new Connection(uri.getHost(), uri.getPort()).exchange(request, idle);
  }

  private static byte[] request(
      String method, URI uri, String authority, Map<String, String> headers, byte[] body) {
    StringBuilder head = new StringBuilder(256);
    String path = uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    head.append(method).append(' ').append(path);
    if (uri.getRawQuery() != null) {
      head.append('?').append(uri.getRawQuery());
    }
    head.append(" HTTP/1.1\r\nHost: ").append(authority).append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    if (body != null) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
    if (body == null) {
      return start;
    }
    byte[] all = new byte[start.length + body.length];
    System.arraycopy(start, 0, all, 0, start.length);
    System.arraycopy(body, 0, all, start.length, body.length);
    return all;
  }

  private static final class Connection {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    Connection(String host, int port) throws IOException {
      socket = new Socket(host, port);
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(90_000);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream(), 65_536);
    }

    Answer exchange(byte[] request, Queue<Connection> idle) throws IOException {
      out.write(request);
      out.flush();
      String statusLine = line();
      if (!statusLine.startsWith("HTTP/1.1 ")) {
        throw new IOException("not an HTTP/1.1 answer: " + statusLine);
      }
      int status = Integer.parseInt(statusLine.substring(9, 12));
      long length = -1;
      boolean chunked = false;
      boolean close = false;
      for (String header = line(); !header.isEmpty(); header = line()) {
        int colon = header.indexOf(':');
        String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = header.substring(colon + 1).trim();
        switch (name) {
          case "content-length" -> length = Long.parseLong(value);
          case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
          case "connection" -> close = value.equalsIgnoreCase("close");
          default -> {
            // not needed
          }
        }
      }
      byte[] body;
      if (chunked) {
        body = chunks();
      } else if (length >= 0) {
        body = in.readNBytes((int) length);
      } else {
        body = in.readAllBytes();
        close = true;
      }
      if (close) {
        close();
      } else {
        idle.add(this);
      }
      return new Answer(status, new String(body, StandardCharsets.UTF_8));
    }

    private byte[] chunks() throws IOException {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        String size = line();
        int semicolon = size.indexOf(';');
        int length =
            Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
        if (length == 0) {
          while (!line().isEmpty()) {
            // trailers
          }
          return body.toByteArray();
        }
        body.write(in.readNBytes(length));
        line();
      }
    }

    private String line() throws IOException {
      StringBuilder line = new StringBuilder(64);
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          throw new IOException("connection closed");
        }
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    }

    void close() {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }
}
