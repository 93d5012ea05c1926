import './sts.js';
import './iam.js';
import './lambda-api.js';
import './lambda.js';
import './apigateway-api.js';
