# The usual edits, applied over examples/terraform by test/terraform/terraform.test.ts as a Terraform override
# file: each changes one attribute of a resource the example already has.

resource "aws_iam_role" "authenticated" {
  description = "Authenticated identities, edited"
}

resource "aws_api_gateway_resource" "hello" {
  path_part = "greeting"
}

resource "aws_api_gateway_method" "hello_get" {
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "hello_get" {
  timeout_milliseconds = 10000
}

resource "aws_api_gateway_method_response" "hello_options" {
  response_parameters = {
    "method.response.header.Access-Control-Allow-Headers" = false
    "method.response.header.Access-Control-Allow-Methods" = false
    "method.response.header.Access-Control-Allow-Origin"  = false
    "method.response.header.Access-Control-Max-Age"       = false
  }
}

resource "aws_api_gateway_integration_response" "hello_options" {
  response_parameters = {
    "method.response.header.Access-Control-Allow-Headers" = "'${local.cors_allow_headers}'"
    "method.response.header.Access-Control-Allow-Methods" = "'GET,OPTIONS'"
    "method.response.header.Access-Control-Allow-Origin"  = "'*'"
    "method.response.header.Access-Control-Max-Age"       = "'600'"
  }
}

resource "aws_api_gateway_deployment" "api" {
  description = "idpool example, edited"
}

resource "aws_api_gateway_stage" "dev" {
  description = "development, edited"
  tags        = { project = "idpool-terraform-example", edited = "yes" }
}

resource "aws_api_gateway_rest_api" "api" {
  tags = { owner = "edits" }
}
