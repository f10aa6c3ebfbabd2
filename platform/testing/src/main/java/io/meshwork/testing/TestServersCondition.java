package io.meshwork.testing;

import io.quarkus.test.junit.QuarkusTest;
import java.lang.annotation.Annotation;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the test classes that boot with {@link MeshworkTestResource} when containers were asked for
 * and no engine answers ({@link TestServers.Choice#UNAVAILABLE}). Without it Quarkus would report
 * the resource's failure as an error of the first test and abort the rest. Registered through
 * {@code META-INF/services}; Quarkus's test setup turns on JUnit's extension autodetection.
 */
public final class TestServersCondition implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<Class<?>> testClass = context.getTestClass();
    if (context.getTestMethod().isPresent()
        || testClass.isEmpty()
        || !bootsWithTestServers(testClass.get())) {
      return ConditionEvaluationResult.enabled("decided per test class that needs test servers");
    }
    if (TestServers.current() == TestServers.Choice.UNAVAILABLE) {
      return ConditionEvaluationResult.disabled(TestServers.UNAVAILABLE_REASON);
    }
    return ConditionEvaluationResult.enabled("test servers available");
  }

  /**
   * A {@code @QuarkusTest} boots with every {@code @QuarkusTestResource} of its module, so in the
   * modules that use this library each one needs the servers. Compared by name: Quarkus loads its
   * test classes, and so the annotations on them, in a class loader of its own.
   */
  static boolean bootsWithTestServers(Class<?> testClass) {
    for (Class<?> type = testClass; type != null; type = type.getSuperclass()) {
      for (Annotation annotation : type.getDeclaredAnnotations()) {
        if (annotation.annotationType().getName().equals(QuarkusTest.class.getName())) {
          return true;
        }
      }
    }
    return false;
  }
}
