package io.meshwork.contracts.contract.document;

import io.meshwork.web.problem.InvalidRequestException;
import io.meshwork.web.problem.Problem;
import java.util.List;

/** 422: the contract document is malformed or breaks the format's rules; names every path. */
public class ContractDocumentException extends InvalidRequestException {

  public ContractDocumentException(String detail, List<Problem.Violation> violations) {
    super("contracts.contract.invalid-document", detail, violations);
  }

  public static ContractDocumentException of(List<Problem.Violation> violations) {
    return new ContractDocumentException(
        violations.size() == 1
            ? violations.get(0).field() + ": " + violations.get(0).message()
            : violations.size() + " problems in the contract document",
        violations);
  }
}
