# governance.hcl
policy "data_quality" {
  enforcement_level = "hard-mandate"
  rules = {
    "null_check" = {
      threshold = 0.95
      fields    = ["customer_id", "transaction_date"]
    }
  }
}

policy "privacy" {
  enforcement_level = "soft-guidance"
  rules = {
    "gdpr_compliance" = {
      regions          = ["EU", "UK"]
      retention_period = "P1Y"
    }
  }
}
