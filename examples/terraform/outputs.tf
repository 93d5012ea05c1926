output "identity_pool_id" {
  value = aws_cognito_identity_pool.pool.id
}

output "developer_provider_name" {
  value = aws_cognito_identity_pool.pool.developer_provider_name
}

output "authenticated_role_arn" {
  value = aws_iam_role.authenticated.arn
}

output "rest_api_id" {
  value = aws_api_gateway_rest_api.api.id
}

output "stage_name" {
  value = aws_api_gateway_stage.dev.stage_name
}

# idpool serves every API on its one port; on AWS use aws_api_gateway_stage.dev.invoke_url instead.
output "hello_url" {
  value = join("/", [
    var.idpool_endpoint, "restapis", aws_api_gateway_rest_api.api.id, aws_api_gateway_stage.dev.stage_name,
    "_user_request_", "hello",
  ])
}

output "region" {
  value = local.region
}
