package io.meshwork.lineage.query;

import io.meshwork.web.problem.Incidents;
import io.meshwork.web.problem.ProblemException;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.jboss.logging.Logger;

/**
 * GraphQL has no exception mapper: left alone, a failure nobody planned for reaches the caller with
 * an error code made from its class name ({@code illegal-state}). Our own failures ({@link
 * ProblemException}) are written for callers and pass as they are; any other becomes a reason of
 * ours with a reference to the log, which holds the cause.
 */
@HidesInternalFailures
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
class InternalFailureInterceptor {

  private static final Logger LOG = Logger.getLogger(InternalFailureInterceptor.class);

  @AroundInvoke
  Object answer(InvocationContext call) throws Exception {
    try {
      return call.proceed();
    } catch (ProblemException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new LineageQueryFailedException(
          Incidents.record(LOG, "The lineage query could not be answered", e));
    }
  }
}
