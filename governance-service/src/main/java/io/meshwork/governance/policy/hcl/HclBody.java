package io.meshwork.governance.policy.hcl;

import io.meshwork.governance.policy.hcl.HclValue.Position;
import java.util.List;

/** An HCL body: its attributes ({@code name = value}) and blocks ({@code type "label" { ... }}). */
public record HclBody(List<Attribute> attributes, List<Block> blocks) {

  public HclBody {
    attributes = List.copyOf(attributes);
    blocks = List.copyOf(blocks);
  }

  public record Attribute(String name, HclValue value, Position at) {}

  public record Block(String type, List<String> labels, HclBody body, Position at) {
    public Block {
      labels = List.copyOf(labels);
    }
  }
}
