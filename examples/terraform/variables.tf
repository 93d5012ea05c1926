variable "idpool_endpoint" {
  description = "The idpool emulator's URL (`idpool serve` prints it)."
  type        = string
  default     = "http://127.0.0.1:4566"
}

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "lambda_zip" {
  description = "Path of the zipped examples/hello (index.js and package.json at the top of the zip)."
  type        = string
}

variable "name_prefix" {
  description = "Prefix of every name, so several stacks can share one emulator."
  type        = string
  default     = "idpool-tf"
}

variable "developer_provider_name" {
  description = "The identity pool's developer provider: the key of the Logins map your backend sends."
  type        = string
  default     = "login.idpool.example"
}

variable "tags" {
  type    = map(string)
  default = { project = "idpool-terraform-example" }
}
