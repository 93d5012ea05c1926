# Every service the stack uses, pointed at idpool. Against AWS, delete the endpoints block, the keys and the skip_*
# settings.
provider "aws" {
  region     = var.region
  access_key = "test"
  secret_key = "test"

  skip_credentials_validation = true
  skip_metadata_api_check     = true
  # The provider does not ask STS for the account, so ARNs below take it from data.aws_caller_identity
  # (execution_arn would lack it).
  skip_requesting_account_id = true

  endpoints {
    apigateway      = var.idpool_endpoint
    cognitoidentity = var.idpool_endpoint
    iam             = var.idpool_endpoint
    lambda          = var.idpool_endpoint
    sts             = var.idpool_endpoint
  }
}

data "aws_caller_identity" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  region     = var.region
  # The console's default list for a CORS preflight.
  cors_allow_headers = "Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token"
  # What execute-api:Invoke and lambda:InvokeFunction permissions name: arn:aws:execute-api:<region>:<account>:<api>.
  api_arn = "arn:aws:execute-api:${local.region}:${local.account_id}:${aws_api_gateway_rest_api.api.id}"
}
