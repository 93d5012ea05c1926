resource "aws_api_gateway_rest_api" "api" {
  name        = "${var.name_prefix}-api"
  description = "GET /hello for the pool's authenticated identities"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
  tags = var.tags
}

resource "aws_api_gateway_resource" "hello" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_rest_api.api.root_resource_id
  path_part   = "hello"
}

# GET /hello: SigV4-signed with the identity's credentials (AWS_IAM), passed to the Lambda as a proxy event.
resource "aws_api_gateway_method" "hello_get" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_resource.hello.id
  http_method   = "GET"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_integration" "hello_get" {
  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.hello.id
  http_method             = aws_api_gateway_method.hello_get.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.hello.invoke_arn
}

# OPTIONS /hello: the CORS preflight as the console's "Enable CORS" makes it, unauthenticated, answered by API
# Gateway itself (MOCK).
resource "aws_api_gateway_method" "hello_options" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_resource.hello.id
  http_method   = "OPTIONS"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "hello_options" {
  rest_api_id       = aws_api_gateway_rest_api.api.id
  resource_id       = aws_api_gateway_resource.hello.id
  http_method       = aws_api_gateway_method.hello_options.http_method
  type              = "MOCK"
  request_templates = { "application/json" = jsonencode({ statusCode = 200 }) }
}

resource "aws_api_gateway_method_response" "hello_options" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  resource_id = aws_api_gateway_resource.hello.id
  http_method = aws_api_gateway_method.hello_options.http_method
  status_code = "200"
  response_parameters = {
    "method.response.header.Access-Control-Allow-Headers" = false
    "method.response.header.Access-Control-Allow-Methods" = false
    "method.response.header.Access-Control-Allow-Origin"  = false
  }
}

resource "aws_api_gateway_integration_response" "hello_options" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  resource_id = aws_api_gateway_resource.hello.id
  http_method = aws_api_gateway_method.hello_options.http_method
  status_code = aws_api_gateway_method_response.hello_options.status_code
  response_parameters = {
    "method.response.header.Access-Control-Allow-Headers" = "'${local.cors_allow_headers}'"
    "method.response.header.Access-Control-Allow-Methods" = "'GET,OPTIONS'"
    "method.response.header.Access-Control-Allow-Origin"  = "'*'"
  }
  depends_on = [aws_api_gateway_integration.hello_options]
}

# So that browsers can read API Gateway's own refusals (a 403 for a bad signature, a denied call), the console's
# "Enable CORS" also sets DEFAULT_4XX and DEFAULT_5XX gateway responses with the same Access-Control-Allow-Origin.
resource "aws_api_gateway_gateway_response" "cors" {
  for_each      = toset(["DEFAULT_4XX", "DEFAULT_5XX"])
  rest_api_id   = aws_api_gateway_rest_api.api.id
  response_type = each.value
  response_parameters = {
    "gatewayresponse.header.Access-Control-Allow-Origin"  = "'*'"
    "gatewayresponse.header.Access-Control-Allow-Headers" = "'${local.cors_allow_headers}'"
  }
  # The template AWS stores when none is given (recorded); written out so that a plan after apply shows no change.
  response_templates = {
    "application/json" = "{\"message\":$context.error.messageString}"
  }
}

# A new deployment whenever what the stage serves changes; the stage moves to it before the old one goes. The hash
# covers the attributes that change what is served rather than whole resources: whole resources differ once after
# their creation (the provider reads back empty maps it did not write), which would redeploy on the next plan.
resource "aws_api_gateway_deployment" "api" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  description = "idpool example"
  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_resource.hello.path_part,
      aws_api_gateway_method.hello_get.authorization,
      aws_api_gateway_integration.hello_get.uri,
      aws_api_gateway_integration.hello_get.timeout_milliseconds,
      aws_api_gateway_method.hello_options.authorization,
      aws_api_gateway_integration.hello_options.request_templates,
      aws_api_gateway_method_response.hello_options.response_parameters,
      aws_api_gateway_integration_response.hello_options.response_parameters,
      [for response in aws_api_gateway_gateway_response.cors : response.response_parameters],
    ]))
  }
  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "dev" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = "dev"
  description   = "development"
  tags          = var.tags
}
