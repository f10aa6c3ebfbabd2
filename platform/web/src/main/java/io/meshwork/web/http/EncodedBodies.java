package io.meshwork.web.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.web.problem.MalformedRequestException;
import io.meshwork.web.problem.Problem;
import io.meshwork.web.problem.ProblemException;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * JSON request bodies that may come compressed ({@code Content-Encoding: gzip} or {@code deflate},
 * as OpenLineage clients send them), for the resources listed in {@code
 * meshwork.http.encoded-body-paths}. The inflated body is held to the same size limit as a plain
 * one, so a small compressed body cannot expand without bound; every refusal is a problem (400,
 * 413, 415).
 */
@ApplicationScoped
public class EncodedBodies {

  private final ObjectMapper mapper;
  private final long maxBytes;

  public EncodedBodies(
      ObjectMapper mapper,
      @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M")
          MemorySize limit) {
    this.mapper = mapper;
    this.maxBytes = limit.asLongValue();
  }

  /** The body as JSON, inflated first when {@code encoding} says it is compressed. */
  public JsonNode json(byte[] body, String encoding) throws IOException {
    try (InputStream in = decoded(body, encoding)) {
      return in == null ? mapper.readTree(body) : mapper.readTree(in);
    } catch (ZipException e) {
      throw new MalformedRequestException(
          "request.malformed-encoding",
          "The body is not valid " + encoding.strip().toLowerCase(Locale.ROOT) + " data");
    }
  }

  /** An inflating stream, or null for a body sent as it is. */
  private InputStream decoded(byte[] body, String encoding) throws IOException {
    String name = encoding == null ? "identity" : encoding.strip().toLowerCase(Locale.ROOT);
    InputStream raw = new ByteArrayInputStream(body);
    return switch (name) {
      case "identity", "" -> null;
      case "gzip", "x-gzip" -> new Limited(new GZIPInputStream(raw), maxBytes);
      case "deflate" -> new Limited(new InflaterInputStream(raw), maxBytes);
      default -> throw unsupported(encoding);
    };
  }

  static ProblemException unsupported(String encoding) {
    return new ProblemException(
        415,
        "request.unsupported-content-encoding",
        "Unsupported Media Type",
        "Content-Encoding '"
            + Problem.excerpt(encoding.strip())
            + "' is not supported; send the body uncompressed, or compressed with gzip or"
            + " deflate");
  }

  /** Stops reading past the limit with a 413. */
  private static final class Limited extends FilterInputStream {
    private final long max;
    private long read;

    Limited(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > max) {
        throw new ProblemException(
            413,
            "request.too-large",
            "Payload Too Large",
            "The inflated body is larger than the limit of " + max + " bytes");
      }
    }
  }
}
