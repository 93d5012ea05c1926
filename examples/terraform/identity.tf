# The identity pool your backend registers users in (GetOpenIdTokenForDeveloperIdentity), no guests.
resource "aws_cognito_identity_pool" "pool" {
  identity_pool_name               = "${var.name_prefix}-pool"
  allow_unauthenticated_identities = false
  developer_provider_name          = var.developer_provider_name
  tags                             = var.tags
}

# The role Cognito hands to the pool's authenticated identities: trusted by cognito-identity.amazonaws.com for this
# pool only, allowed to call GET /hello and nothing else.
data "aws_iam_policy_document" "cognito_trust" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["cognito-identity.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "cognito-identity.amazonaws.com:aud"
      values   = [aws_cognito_identity_pool.pool.id]
    }
    condition {
      test     = "ForAnyValue:StringLike"
      variable = "cognito-identity.amazonaws.com:amr"
      values   = ["authenticated"]
    }
  }
}

resource "aws_iam_role" "authenticated" {
  name               = "${var.name_prefix}-authenticated"
  description        = "Authenticated identities of the idpool example pool"
  assume_role_policy = data.aws_iam_policy_document.cognito_trust.json
  tags               = var.tags
}

data "aws_iam_policy_document" "invoke_hello" {
  statement {
    effect    = "Allow"
    actions   = ["execute-api:Invoke"]
    resources = ["${local.api_arn}/*/GET/hello"]
  }
}

resource "aws_iam_role_policy" "invoke_hello" {
  name   = "invoke-hello"
  role   = aws_iam_role.authenticated.id
  policy = data.aws_iam_policy_document.invoke_hello.json
}

resource "aws_cognito_identity_pool_roles_attachment" "pool" {
  identity_pool_id = aws_cognito_identity_pool.pool.id
  roles = {
    authenticated = aws_iam_role.authenticated.arn
  }
}
