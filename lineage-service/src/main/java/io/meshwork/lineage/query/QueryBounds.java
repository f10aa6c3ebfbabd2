package io.meshwork.lineage.query;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.util.TraversalControl;
import io.meshwork.lineage.config.LineageConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Bounds every data query in depth and in fields, as graphql-java's own depth and complexity checks
 * do, but leaves introspection out of the count: the standard introspection query (what GraphiQL,
 * Apollo and code generators send) is 15 deep by itself, and graphql-java already bounds
 * introspection with its good-faith checks. A query over a bound is refused before it runs.
 */
@ApplicationScoped
public class QueryBounds extends SimplePerformantInstrumentation {

  private final int maxDepth;
  private final int maxFields;

  @Inject
  public QueryBounds(LineageConfig config) {
    this(config.query().graphqlDepth(), config.query().graphqlComplexity());
  }

  QueryBounds(int maxDepth, int maxFields) {
    this.maxDepth = maxDepth;
    this.maxFields = maxFields;
  }

  /** Adds the bounds to the instrumentation SmallRye GraphQL set up (its query cache among it). */
  void install(@Observes GraphQL.Builder builder) {
    List<Instrumentation> chain = new ArrayList<>();
    chain.add(this);
    Instrumentation existing = configuredInstrumentation(builder);
    if (existing != null) {
      chain.add(existing);
    }
    builder.instrumentation(new ChainedInstrumentation(chain));
  }

  @Override
  public InstrumentationContext<ExecutionResult> beginExecuteOperation(
      InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
    ExecutionContext context = parameters.getExecutionContext();
    check(
        QueryTraverser.newQueryTraverser()
            .schema(context.getGraphQLSchema())
            .document(context.getDocument())
            .operationName(context.getOperationDefinition().getName())
            .coercedVariables(context.getCoercedVariables())
            .build());
    return super.beginExecuteOperation(parameters, state);
  }

  /** Measures a query and throws if it is over a bound. */
  void check(QueryTraverser query) {
    Measure measure = new Measure();
    query.visitPreOrder(measure);
    if (measure.depth > maxDepth) {
      throw new AbortExecutionException(
          "maximum query depth exceeded " + measure.depth + " > " + maxDepth);
    }
    if (measure.fields > maxFields) {
      throw new AbortExecutionException(
          "maximum query complexity exceeded " + measure.fields + " > " + maxFields);
    }
  }

  /** Depth and field count of the data fields; an introspection field's subtree is skipped. */
  private static final class Measure extends QueryVisitorStub {
    int depth;
    int fields;

    @Override
    public TraversalControl visitFieldWithControl(QueryVisitorFieldEnvironment field) {
      if (field.getField().getName().startsWith("__")) {
        return TraversalControl.ABORT;
      }
      fields++;
      int level = 1;
      for (QueryVisitorFieldEnvironment up = field.getParentEnvironment();
          up != null;
          up = up.getParentEnvironment()) {
        level++;
      }
      depth = Math.max(depth, level);
      return TraversalControl.CONTINUE;
    }
  }

  /**
   * GraphQL.Builder has no getter; SmallRye puts its query cache's instrumentation there before it
   * lets observers change the builder, and replacing it would lose that.
   */
  private static Instrumentation configuredInstrumentation(GraphQL.Builder builder) {
    try {
      Field field = GraphQL.Builder.class.getDeclaredField("instrumentation");
      field.setAccessible(true);
      return (Instrumentation) field.get(builder);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("Cannot add the query bounds to GraphQL", e);
    }
  }
}
